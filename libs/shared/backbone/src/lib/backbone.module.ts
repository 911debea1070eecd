import { Module, type DynamicModule } from '@nestjs/common';
import { BACKBONE_OPTIONS, type BackboneOptions } from './backbone.options';
import { EventBackbone } from './event-backbone';
import { EventKeysController } from './event-keys.controller';

/** Import once per service, after `PlatformModule`: `BackboneModule.forService({ service, contexts, catalog })`. */
@Module({})
export class BackboneModule {
  static forService(options: BackboneOptions): DynamicModule {
    return {
      module: BackboneModule,
      global: true,
      controllers: [EventKeysController],
      providers: [{ provide: BACKBONE_OPTIONS, useValue: options }, EventBackbone],
      exports: [EventBackbone],
    };
  }
}
