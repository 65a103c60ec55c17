import { InterceptingCall, Metadata, status, type Interceptor } from '@grpc/grpc-js';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { Config } from './config.ts';

interface CallTracker {
  closed: boolean;
  inFlight: number;
  idle: Array<() => void>;
}
const trackers = new WeakMap<Client, CallTracker>();

/**
 * A call attempted after close: it ends at once with CANCELLED instead of throwing. The SDK's
 * retry interceptor schedules retries on timers (a RESOURCE_EXHAUSTED query is retried a
 * second later); one firing after the channel closed used to throw "Channel has been shut
 * down" from a timer and crash the process on exit.
 */
function closedCall(): InterceptingCall {
  const noop = () => {};
  const nowhere = { cancelWithStatus: noop, getPeer: () => '', sendMessageWithContext: noop, sendMessage: noop, startRead: noop, halfClose: noop, start: noop, setCredentials: noop, getAuthContext: () => null };
  return new InterceptingCall(nowhere as unknown as ConstructorParameters<typeof InterceptingCall>[0], {
    start(_metadata, listener) {
      setImmediate(() => listener.onReceiveStatus({ code: status.CANCELLED, details: 'Temporal connection closed', metadata: new Metadata() }));
    },
  });
}

/** Fails attempts after close (innermost: a retry attempt passes here too). */
function guard(t: CallTracker): Interceptor {
  return (options, nextCall) => (t.closed ? closedCall() : (nextCall(options) as InterceptingCall));
}

/** Counts logical calls in flight (outermost: one call, all its retries and backoffs). */
function tracking(t: CallTracker): Interceptor {
  return (options, nextCall) => {
    t.inFlight++;
    let done = false;
    const settle = () => {
      if (done) return;
      done = true;
      if (--t.inFlight === 0) for (const wake of t.idle.splice(0)) wake();
    };
    return new InterceptingCall(nextCall(options), {
      start(metadata, listener, next) {
        next(metadata, {
          onReceiveStatus(s, nextStatus) {
            settle();
            nextStatus(s);
          },
        });
      },
    });
  };
}

export async function createTemporalClient(config: Config, address: string): Promise<Client> {
  const t: CallTracker = { closed: false, inFlight: 0, idle: [] };
  const connection = await Connection.connect({ address, interceptors: [tracking(t), makeGrpcRetryInterceptor(defaultGrpcRetryOptions()), guard(t)] });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  trackers.set(client, t);
  return client;
}

/** Waits (at most `timeoutMs`) for the client's calls in flight, e.g. a status query, to finish. */
export async function drainTemporalClient(client: Client, timeoutMs: number): Promise<void> {
  const t = trackers.get(client);
  if (!t || t.inFlight === 0) return;
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    t.idle.push(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** Closes the connection; any call or retry attempted afterwards fails with CANCELLED. */
export async function closeTemporalClient(client: Client): Promise<void> {
  const t = trackers.get(client);
  if (t) t.closed = true;
  await client.connection.close();
}
