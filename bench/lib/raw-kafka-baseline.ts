import type { Kafka } from 'kafkajs';

/** Raw kafkajs produce throughput (idempotent, acks=all, batches of 500, 400-byte values) on a fresh topic. */
export async function rawKafkaProduceRate(kafka: Kafka, topic: string, messages = 20000): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const value = 'x'.repeat(400);
  const t0 = performance.now();
  for (let i = 0; i < messages; i += 500) {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: Math.min(500, messages - i) }, (_, j) => ({ key: `k${(i + j) % 1000}`, value })),
    });
  }
  const rate = messages / ((performance.now() - t0) / 1000);
  await producer.disconnect();
  return rate;
}
