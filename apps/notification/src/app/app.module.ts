import { Module } from '@nestjs/common';
import { PlatformModule } from '@yrd/platform';
import { notificationEnvSchema } from '@yrd/notification-feature';
import { NotificationModule } from './notification.module';
import { DEFAULT_PORT, SERVICE_NAME } from './service';

@Module({
  // PlatformModule first: its connections close after every other module's shutdown hooks.
  imports: [
    PlatformModule.forService({
      service: SERVICE_NAME,
      defaultPort: DEFAULT_PORT,
      extraSchema: notificationEnvSchema,
    }),
    NotificationModule,
  ],
})
export class AppModule {}
