"""A TCP proxy on loopback that delays every chunk by a fixed time in each direction (order kept), standing in for a
network round trip to a remote IMAP server (no netem on this kernel). Used by bench.py --rtt-ms."""
import asyncio
import threading


async def _pipe(reader, writer, delay):
    loop = asyncio.get_running_loop()
    queue = asyncio.Queue()

    async def send():
        while True:
            due, data = await queue.get()
            if data is None:
                break
            wait = due - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            writer.write(data)
            await writer.drain()
        writer.close()

    sender = asyncio.create_task(send())
    try:
        while data := await reader.read(65536):
            queue.put_nowait((loop.time() + delay, data))
    finally:
        queue.put_nowait((0, None))
        await sender


class DelayProxy:
    """Listens on 127.0.0.1:port and forwards to target_port, adding one_way_ms to each direction."""

    def __init__(self, target_port, one_way_ms):
        self.target_port, self.delay = target_port, one_way_ms / 1000
        self.port = None
        ready = threading.Event()
        self.thread = threading.Thread(target=self._run, args=(ready,), daemon=True)
        self.thread.start()
        ready.wait()

    def _run(self, ready):
        async def handle(client_reader, client_writer):
            server_reader, server_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
            await asyncio.gather(_pipe(client_reader, server_writer, self.delay),
                                 _pipe(server_reader, client_writer, self.delay), return_exceptions=True)

        async def main():
            server = await asyncio.start_server(handle, "127.0.0.1", 0)
            self.port = server.sockets[0].getsockname()[1]
            ready.set()
            await server.serve_forever()

        asyncio.run(main())
