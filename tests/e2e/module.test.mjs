// The wasm module's shape, where it decides how fast a page starts (DESIGN.md,
// "The phases of a layer are functions of their own"). V8 optimises a hot wasm
// function whole, on a background thread: when LLVM folded each layer's phases into
// one function of 18-20 KB, optimising the three hot on the seed cost about half a
// second of CPU, which the page's own thread lost on a two-core machine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { WWW } from './harness.mjs';

/** The body size of each function the module defines, in bytes. */
function functionSizes(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = bytes[at++];
      value += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return value;
    }
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 10) {
      const sizes = [];
      for (let n = leb(); n > 0; n--) {
        const body = leb();
        sizes.push(body);
        at += body;
      }
      return sizes;
    }
    at = end;
  }
  throw new Error('the module has no code section');
}

test('no function of the wasm module is larger than 16 KB', async () => {
  const { default: base64 } = await import(join(WWW, 'widget', 'pkg', 'glose_wasm.js'));
  const wasm = inflateRawSync(Buffer.from(base64, 'base64'));
  assert.ok(WebAssembly.validate(wasm), 'the embedded bytes are a wasm module');
  const sizes = functionSizes(wasm);
  assert.ok(sizes.length > 500, `${sizes.length} functions`);
  const largest = Math.max(...sizes);
  assert.ok(largest <= 16 * 1024, `the largest function has ${largest} bytes: a layer's phases were folded into one`);
});
