import { connect } from 'net';

/** A client that misbehaves on purpose (the abuse tests and measure-body-limit): no URL parsing, no body limit. */

/**
 * Sends `head` (request line and headers, CRLF-terminated) and then `bodyBytes` of body in 64 KB chunks (chunked when
 * the head says so), stopping as soon as the server answers or closes; resolves to the status code and body.
 */
export function rawRequest(port: number, head: string, bodyBytes = 0): Promise<{ status: number; body: string; sentBytes: number }> {
  const chunked = /transfer-encoding: chunked/i.test(head);
  const chunk = Buffer.alloc(64 * 1024, 'a');
  return new Promise((resolve, reject) => {
    let answer = '';
    let sentBytes = 0;
    const socket = connect(port, '127.0.0.1');
    const settle = () => {
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      if (!status) return reject(new Error(`no HTTP answer (sent ${sentBytes} bytes): ${JSON.stringify(answer.slice(0, 200))}`));
      resolve({ status, body: answer.slice(answer.indexOf('\r\n\r\n') + 4), sentBytes });
    };
    const pump = () => {
      while (sentBytes < bodyBytes && answer === '' && !socket.destroyed) {
        const piece = chunk.subarray(0, Math.min(chunk.length, bodyBytes - sentBytes));
        sentBytes += piece.length;
        const more = socket.write(chunked ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece);
        if (!more) return void socket.once('drain', pump);
      }
      if (sentBytes >= bodyBytes && chunked && answer === '' && !socket.destroyed) socket.write('0\r\n\r\n');
    };
    socket.on('connect', () => {
      socket.write(head);
      pump();
    });
    socket.on('data', (data: Buffer) => { answer += data.toString('utf8'); });
    socket.on('error', () => undefined); // a reset after the answer is expected when the server stops reading
    socket.on('close', settle);
    socket.setTimeout(10_000, () => socket.destroy());
  });
}
