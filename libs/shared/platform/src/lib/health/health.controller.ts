import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  HealthCheck,
  HealthCheckService,
  MongooseHealthIndicator,
  type HealthCheckResult,
} from '@nestjs/terminus';
import { Public } from '@yrd/auth';
import { KafkaHealthIndicator } from './kafka.health';
import { RedisHealthIndicator } from './redis.health';

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
  @Public()
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
