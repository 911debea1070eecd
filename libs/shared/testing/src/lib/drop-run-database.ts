import mongoose from 'mongoose';

/**
 * Drops a test or benchmark run's own database, after the caller has stopped its services and
 * closed its own connections (so none of its cursors still holds a table lock). On a fresh
 * connection with deadlines: if the drop still has to wait for a lock, the database's
 * lock_timeout (deploy/local/ferretdb.sh) makes it fail within seconds, and the run leaves the
 * database behind with a warning rather than stalling every other user of FerretDB.
 */
export async function dropRunDatabase(mongoUrl: string, log: (line: string) => void = console.warn): Promise<boolean> {
  const conn = mongoose.createConnection(mongoUrl, { serverSelectionTimeoutMS: 5_000, socketTimeoutMS: 30_000 });
  try {
    await conn.asPromise();
    await conn.dropDatabase();
    return true;
  } catch (e) {
    log(`left database ${new URL(mongoUrl).pathname.slice(1)} behind: ${(e as Error).message}`);
    return false;
  } finally {
    await conn.close().catch(() => undefined);
  }
}
