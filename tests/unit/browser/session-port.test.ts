/**
 * The popup's side of the capture and recording ports: requests reach the background over one port, a port closed
 * by the background says whether the background stopped or the extension itself went away (updated or reloaded),
 * and a request after the background restarted goes over a new port.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

interface FakePort {
  name: string;
  sent: unknown[];
  broken: boolean;
  disconnectedByUs: boolean;
  receive(message: unknown): void;
  closeFromBackground(): void;
}

const ports: FakePort[] = [];

vi.mock('../../../lib/messaging', () => ({
  connectPort(name: string) {
    const messageListeners: ((message: unknown) => void)[] = [];
    const disconnectListeners: (() => void)[] = [];
    const fake: FakePort = {
      name,
      sent: [],
      broken: false,
      disconnectedByUs: false,
      receive: (message) => messageListeners.forEach((listener) => listener(message)),
      closeFromBackground() {
        fake.broken = true;
        disconnectListeners.forEach((listener) => listener());
      },
    };
    ports.push(fake);
    return {
      name,
      onMessage: { addListener: (listener: (message: unknown) => void) => messageListeners.push(listener) },
      onDisconnect: { addListener: (listener: () => void) => disconnectListeners.push(listener) },
      postMessage(message: unknown) {
        if (fake.broken) throw new Error('Attempting to use a disconnected port object');
        fake.sent.push(message);
      },
      disconnect() {
        fake.disconnectedByUs = true;
      },
    };
  },
}));

const { sessionPortClient } = await import('../../../lib/browser/session-port');
const runtime = fakeBrowser.runtime as unknown as { id: string | undefined };
const ownId = runtime.id;

beforeEach(() => {
  ports.length = 0;
});
afterEach(() => {
  runtime.id = ownId;
});

describe('the popup side of a session port', () => {
  it('sends requests over one port and hands the background events over', () => {
    const events: unknown[] = [];
    const client = sessionPortClient<{ type: string }, unknown>('capture', (event) => events.push(event), () => undefined);
    client.send({ type: 'attach' });
    client.send({ type: 'start' });
    expect(ports).toHaveLength(1);
    expect(ports[0]!.name).toBe('capture');
    expect(ports[0]!.sent).toEqual([{ type: 'attach' }, { type: 'start' }]);
    ports[0]!.receive({ type: 'none' });
    expect(events).toEqual([{ type: 'none' }]);
  });

  it('says the background stopped answering when its port closes while the extension is there', () => {
    const closed: string[] = [];
    const client = sessionPortClient('recording', () => undefined, (why) => closed.push(why));
    client.send({ type: 'attach' });
    ports[0]!.closeFromBackground();
    expect(closed).toEqual(['background-gone']);
  });

  it('says the extension was updated when the port closes because the extension went away', () => {
    const closed: string[] = [];
    const client = sessionPortClient('capture', () => undefined, (why) => closed.push(why));
    client.send({ type: 'attach' });
    runtime.id = undefined; // what the browser leaves a page whose extension was reloaded or updated
    ports[0]!.closeFromBackground();
    expect(closed).toEqual(['extension-updated']);
  });

  it('reaches a restarted background over a new port', () => {
    const client = sessionPortClient('capture', () => undefined, () => undefined);
    client.send({ type: 'attach' });
    ports[0]!.broken = true; // the port died without telling (a background restarted since)
    client.send({ type: 'start' });
    expect(ports).toHaveLength(2);
    expect(ports[1]!.sent).toEqual([{ type: 'start' }]);
  });

  it('says the extension was updated when a request fails because the extension is gone', () => {
    const closed: string[] = [];
    const client = sessionPortClient('capture', () => undefined, (why) => closed.push(why));
    client.send({ type: 'attach' });
    ports[0]!.broken = true;
    runtime.id = undefined;
    client.send({ type: 'start' });
    expect(closed).toEqual(['extension-updated']);
    expect(ports).toHaveLength(1);
  });

  it('reports nothing when the popup itself closes the port', () => {
    const closed: string[] = [];
    const client = sessionPortClient('capture', () => undefined, (why) => closed.push(why));
    client.send({ type: 'attach' });
    client.close();
    expect(ports[0]!.disconnectedByUs).toBe(true);
    ports[0]!.closeFromBackground();
    expect(closed).toEqual([]);
  });
});
