// A job's progress as server-sent events: what has happened so far, then each event as it comes,
// until the job is done or has failed. The build's progress and the reading of uploads share it.
import type { FastifyReply } from "fastify";

export interface StreamedJob<E extends { type: string }> {
  events: E[];
  finished: boolean;
  listeners: Set<(event: E) => void>;
}

export function streamEvents<E extends { type: string }>(reply: FastifyReply, job: StreamedJob<E>): void {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
  const send = (event: E) => {
    raw.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    if (event.type === "done" || event.type === "failed") raw.end();
  };
  for (const event of job.events) send(event);
  if (job.finished) return;
  job.listeners.add(send);
  raw.on("close", () => job.listeners.delete(send));
}
