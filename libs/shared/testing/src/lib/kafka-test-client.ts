import { Kafka, logLevel, type KafkaConfig, type KafkaMessage } from 'kafkajs';
import { infraEnv, uniqueName } from './infra-env';

/** A client of the local broker as the admin (tests, benchmarks, tools): see infraEnv. */
export function testKafka(clientId = uniqueName('test-')): Kafka {
  return new Kafka(testKafkaConfig(clientId));
}

/** The settings of {@link testKafka}, for a client with different ones (another principal, no retries). */
export function testKafkaConfig(clientId = uniqueName('test-')): KafkaConfig {
  const { kafkaBrokers, kafkaSasl } = infraEnv();
  return { clientId, brokers: kafkaBrokers, ...(kafkaSasl ? { sasl: kafkaSasl } : {}), logLevel: logLevel.NOTHING, retry: { retries: 8 } };
}

/** Reads every message currently on a topic (all partitions), from the beginning, without a group. */
export async function readTopic(kafka: Kafka, topic: string): Promise<Array<KafkaMessage & { partition: number }>> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const wanted = offsets.filter((o) => Number(o.high) > Number(o.low));
  if (wanted.length === 0) return [];
  const consumer = kafka.consumer({ groupId: uniqueName('reader-') });
  const out: Array<KafkaMessage & { partition: number }> = [];
  const remaining = new Map(wanted.map((o) => [o.partition, Number(o.high)]));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          out.push({ ...message, partition });
          if (Number(message.offset) + 1 >= (remaining.get(partition) ?? 0)) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return out.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}
