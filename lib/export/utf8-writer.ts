/**
 * Writes text as UTF-8 straight into byte buffers, for files too large to build as strings first.
 *
 * Why not strings and `new Blob(strings)` (or TextEncoder): a CSV of 100,000 log items is about
 * 57 MB, and one emoji in a chunk makes the whole joined string two-byte. Chromium's UTF-8
 * conversion of two-byte strings ran at about 35 M characters/s in the dashboard (1.7 s for that
 * file, the same through TextEncoder), while this loop writes mostly-ASCII text at several times
 * that, and the Blob then only copies bytes. The output is byte for byte what TextEncoder writes,
 * lone surrogates included (U+FFFD); a unit test holds it to TextEncoder.
 */

/** Size of each buffer; a cell larger than this gets a buffer of its own size. */
const BUFFER_BYTES = 1 << 22;

/**
 * Writes into a buffer and hands each full one to a sink, then writes over it: the sink must copy
 * the bytes before it returns (as `new Blob([bytes])` does; see `utf8BlobWriter`).
 */
export class Utf8Writer {
  private buf: Uint8Array<ArrayBuffer>;
  private pos = 0;
  /** Bytes given to the sink. */
  private handed = 0;

  constructor(
    private readonly sink: (bytes: Uint8Array<ArrayBuffer>) => void,
    bufferBytes = BUFFER_BYTES,
  ) {
    this.buf = new Uint8Array(bufferBytes);
  }

  /** Makes room for `n` more bytes: the bytes so far go to the sink (a larger buffer if need be). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.handOn();
    if (n > this.buf.length) this.buf = new Uint8Array(n);
  }

  private handOn(): void {
    if (this.pos === 0) return;
    this.sink(this.buf.subarray(0, this.pos));
    this.handed += this.pos;
    this.pos = 0;
  }

  /** Writes ASCII text (the caller knows every character is below U+0080, e.g. `","`). */
  ascii(s: string): void {
    this.room(s.length);
    const buf = this.buf;
    let p = this.pos;
    for (let i = 0; i < s.length; i++) buf[p++] = s.charCodeAt(i);
    this.pos = p;
  }

  /** Writes any text. */
  text(s: string): void {
    this.write(s, false);
  }

  /**
   * Writes `s` as one RFC 4180 quoted field: `"`, the text with each `"` doubled, `"`. Inside the
   * quotes commas and line breaks are literal.
   */
  quoted(s: string): void {
    this.room(3 * s.length + 2);
    this.buf[this.pos++] = 34;
    this.write(s, true);
    this.buf[this.pos++] = 34;
  }

  private write(s: string, doubleQuotes: boolean): void {
    // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units → 4 bytes; `"` doubled is 2).
    this.room(3 * s.length);
    const buf = this.buf;
    let p = this.pos;
    const n = s.length;
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[p++] = c;
        if (c === 34 && doubleQuotes) buf[p++] = 34;
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c < 0xd800 || c > 0xdfff) {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      } else {
        const next = i + 1 < n ? s.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
          c = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
          i++;
          buf[p++] = 0xf0 | (c >> 18);
          buf[p++] = 0x80 | ((c >> 12) & 0x3f);
          buf[p++] = 0x80 | ((c >> 6) & 0x3f);
          buf[p++] = 0x80 | (c & 0x3f);
        } else {
          // A lone surrogate: U+FFFD, as TextEncoder writes it.
          buf[p++] = 0xef;
          buf[p++] = 0xbf;
          buf[p++] = 0xbd;
        }
      }
    }
    this.pos = p;
  }

  /** Bytes written so far. */
  get size(): number {
    return this.handed + this.pos;
  }

  /** Hands the sink the last bytes; the writer is empty afterwards. */
  finish(): void {
    this.handOn();
    this.buf = new Uint8Array(0);
    this.handed = 0;
  }
}

/**
 * A writer whose buffers become Blobs as they fill, so that the browser takes each few megabytes
 * over (a copy, then its own processes) while the next are written; `finish` returns the file.
 */
export function utf8BlobWriter(bufferBytes?: number): { out: Utf8Writer; finish: (type: string) => Blob } {
  const blobs: Blob[] = [];
  const out = new Utf8Writer((bytes) => blobs.push(new Blob([bytes])), bufferBytes);
  return {
    out,
    finish: (type) => {
      out.finish();
      return new Blob(blobs, { type });
    },
  };
}

/** A UTF-8 Blob of these strings, encoded by Utf8Writer (see above for why not `new Blob(parts)`). */
export function utf8Blob(parts: readonly string[], type: string): Blob {
  const file = utf8BlobWriter();
  for (const p of parts) file.out.text(p);
  return file.finish(type);
}
