import { Controller, Get, SetMetadata } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  MongooseHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { KafkaHealthIndicator } from './kafka.health';
import { RedisHealthIndicator } from './redis.health';

/** Metadata key the auth guard (`@yrd/auth`) honours to skip authentication. */
export const IS_PUBLIC_KEY = 'isPublic';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly kafka: KafkaHealthIndicator,
    private readonly mongo: MongooseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
  ) {}

  @Get()
  @SetMetadata(IS_PUBLIC_KEY, true)
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: pings Kafka, MongoDB and Redis; 503 names what is down',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.kafka.pingCheck('kafka'),
      () => this.mongo.pingCheck('mongodb', { timeout: 3_000 }),
      () => this.redis.pingCheck('redis'),
    ]);
  }
}
