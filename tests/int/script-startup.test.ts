import { spawn } from 'node:child_process'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

/**
 * Scripts run outside Next (seed, export, import, the backup probe, the benches) start Payload
 * through scripts/startPayload.ts, which resolves lexical to its builds without top-level await
 * first: Node 20 can leave one of the awaits of lexical's "node" builds pending for good, and the
 * script then exits 13 with nothing printed. A plain import of Payload's rich text editor does that
 * in most runs; tsx's own loader only makes it rarer (a few in thirty, on a busy machine).
 *
 * Here plain Node, with nothing but that resolution hook, loads the editor several times at once.
 */
const HOOK = pathToFileURL(path.resolve('scripts/resolveLexicalWithoutTopLevelAwait.mjs')).href
const REGISTER = `data:text/javascript,import { register } from 'node:module'; register(${JSON.stringify(HOOK)})`
const LOAD = "const editor = await import('@payloadcms/richtext-lexical'); console.log(typeof editor.lexicalEditor)"

function loadEditor(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env }
    delete env.NODE_OPTIONS // jest's flags are not the script's
    const child = spawn(process.execPath, ['--import', REGISTER, '--input-type=module', '-e', LOAD], { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk) => (output += chunk))
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (code) => resolve({ code, output: output.trim() }))
  })
}

it('loads the rich text editor every time, never leaving an await pending (exit 13)', async () => {
  const runs = await Promise.all(Array.from({ length: 8 }, loadEditor))
  expect(runs).toEqual(Array.from({ length: 8 }, () => ({ code: 0, output: 'function' })))
}, 120_000)
