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
import { StoreReadiness } from './store-readiness';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly kafka: KafkaHealthIndicator,
    private readonly mongo: MongooseHealthIndicator,
    private readonly redis: RedisHealthIndicator,
    private readonly stores: StoreReadiness,
  ) {}

  @Get()
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Health: pings Kafka, MongoDB and Redis; 503 names what is down',
  })
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.kafka.pingCheck('kafka'),
      () => this.mongo.pingCheck('mongodb', { timeout: 3_000 }),
      () => this.redis.pingCheck('redis'),
    ]);
  }

  @Get('ready')
  @Public()
  @HealthCheck()
  @ApiOperation({
    summary:
      'Readiness: a real write and read on MongoDB and Redis and a Kafka metadata request, each within a deadline; 503 names what does not serve',
  })
  ready(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.kafka.pingCheck('kafka'),
      () => this.stores.mongoCheck('mongodb'),
      () => this.stores.redisCheck('redis'),
    ]);
  }
}
