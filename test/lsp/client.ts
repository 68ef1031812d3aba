/**
 * A minimal JSON-RPC client for tests: starts the built `rubric lsp` as a child process
 * and speaks the protocol's framing (`Content-Length` headers) over its stdio, written
 * here rather than taken from the server's own library so the test checks the wire.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dirname, "../..");

/** A notification the server sent. */
export interface Notification {
  readonly method: string;
  readonly params: unknown;
}

/** A running server and the calls to talk to it. */
export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private readonly waiters: { match: (n: Notification) => boolean; resolve: (n: Notification) => void }[] = [];
  /** Every notification received, in order. */
  readonly notifications: Notification[] = [];
  /** What the server wrote to stderr. */
  stderr = "";
  /** Resolves with the exit code when the process ends. */
  readonly exited: Promise<number | null>;

  /**
   * @param args - the CLI's arguments
   * @param cli - the CLI's file (the repository's build unless told otherwise, e.g. an installed copy)
   */
  constructor(args: readonly string[] = ["lsp", "--stdio"], cli = join(root, "dist/cli/main.js")) {
    this.child = spawn(process.execPath, [cli, ...args], { cwd: root, stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.receive(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString("utf8")));
    this.exited = new Promise((resolve) => this.child.on("exit", (code) => resolve(code)));
  }

  /** Sends a request and resolves with its result (rejects on an error response). */
  request<T = unknown>(method: string, params: unknown): Promise<T> {
    const id = this.nextId++;
    this.send({ jsonrpc: "2.0", id, method, params });
    return new Promise<T>((resolve, reject) => this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  }

  /** Sends a notification. */
  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: "2.0", method, params });
  }

  /** Resolves with the first notification (already received or coming) that matches. */
  waitFor(match: (n: Notification) => boolean, from = 0): Promise<Notification> {
    const seen = this.notifications.slice(from).find(match);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ match, resolve }));
  }

  /** Kills the process if it is still running. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill();
  }

  private send(message: unknown): void {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.child.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString("ascii");
      const length = Number(/Content-Length: (\d+)/i.exec(header)?.[1]);
      if (!Number.isInteger(length)) throw new Error(`bad header from the server: ${header}`);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = JSON.parse(this.buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString("utf8")) as { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } };
      this.buffer = this.buffer.subarray(headerEnd + 4 + length);
      this.dispatch(body);
    }
  }

  private dispatch(body: { id?: number; method?: string; params?: unknown; result?: unknown; error?: { message: string } }): void {
    if (body.method !== undefined && body.id !== undefined) {
      // A request from the server (e.g. client/registerCapability): answer it with no result.
      this.send({ jsonrpc: "2.0", id: body.id, result: null });
      return;
    }
    if (body.method !== undefined) {
      const n = { method: body.method, params: body.params };
      this.notifications.push(n);
      for (let i = this.waiters.length - 1; i >= 0; i--) {
        if (this.waiters[i]!.match(n)) {
          this.waiters[i]!.resolve(n);
          this.waiters.splice(i, 1);
        }
      }
      return;
    }
    const pending = body.id === undefined ? undefined : this.pending.get(body.id);
    if (pending === undefined) return;
    this.pending.delete(body.id!);
    if (body.error !== undefined) pending.reject(new Error(body.error.message));
    else pending.resolve(body.result);
  }
}
