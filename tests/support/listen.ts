// The server under test on a free loopback port: its address, for requests and the browser.
import type { FastifyInstance } from "fastify";

export async function listenLocal(app: FastifyInstance): Promise<string> {
  await app.listen({ host: "127.0.0.1", port: 0 });
  const address = app.server.address();
  return `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
}
