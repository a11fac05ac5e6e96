/** No provider answer of these APIs comes near this; a bigger body is not read on (memory stays bounded). */
export const MAX_RESPONSE_BYTES = 10 * 1024 * 1024;

interface ReadableLike {
	on(event: string, listener: (...args: unknown[]) => void): unknown;
	destroy(): unknown;
}

function isReadable(value: unknown): value is ReadableLike {
	return value !== null && typeof value === 'object' && typeof (value as ReadableLike).on === 'function' && typeof (value as ReadableLike).destroy === 'function';
}

/**
 * Reads a streamed response body up to MAX_RESPONSE_BYTES. A longer one is cut off and the
 * connection closed, so that a runaway answer (a 100 MB page) costs bounded memory; its text
 * then reads as an unexpected body. A body that breaks off before its end rejects like a
 * reset connection (ECONNRESET): part of an answer is no answer. Anything already read (a
 * string, a Buffer, parsed JSON) is passed through.
 */
export async function readBounded(body: unknown): Promise<unknown> {
	if (!isReadable(body)) return body;
	return await new Promise<unknown>((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		let settled = false;
		const settle = (outcome: () => void) => {
			if (settled) return;
			settled = true;
			outcome();
		};
		const cutOff = () => reject(Object.assign(new Error('The response ended before its end (connection closed)'), { code: 'ECONNRESET' }));
		body.on('data', (...args: unknown[]) => {
			const chunk = args[0];
			const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
			size += buffer.length;
			if (size > MAX_RESPONSE_BYTES) {
				settle(() => resolve(`[response body larger than ${MAX_RESPONSE_BYTES} bytes, not read]`));
				body.destroy();
				return;
			}
			chunks.push(buffer);
		});
		body.on('end', () => settle(() => resolve(Buffer.concat(chunks))));
		body.on('error', () => settle(cutOff));
		body.on('close', () => settle(cutOff));
	});
}
