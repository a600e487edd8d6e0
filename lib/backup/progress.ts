import { formatBytes } from './format'

/**
 * Progress on stderr, so stdout stays clean for the final report. On a terminal the media line
 * redraws in place; in logs (CI, a redirected stderr) it prints at most every tenth of the way.
 */
export type Progress = {
  note(message: string): void
  bytes(label: string, done: number, total: number, files: number, totalFiles: number): void
  done(): void
}

export function stderrProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const live = Boolean(stream.isTTY)
  let lastTenth = -1
  let lastLine = ''
  let pending = false
  return {
    note(message) {
      if (pending) stream.write('\n')
      pending = false
      stream.write(`${message}\n`)
    },
    bytes(label, done, total, files, totalFiles) {
      const line = `${label}: ${files}/${totalFiles} files, ${formatBytes(done)} of ${formatBytes(total)}`
      if (live) {
        stream.write(`\r${line}\x1b[K`)
        pending = true
        return
      }
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10)
      // Every tenth of the way, and the final count; never the same line twice.
      if ((tenth !== lastTenth || files === totalFiles) && line !== lastLine) {
        lastTenth = tenth
        lastLine = line
        stream.write(`${line}\n`)
      }
    },
    done() {
      if (pending) stream.write('\n')
      pending = false
      lastTenth = -1
      lastLine = ''
    },
  }
}

/** For callers that want no output (tests driving the library directly). */
export const silentProgress: Progress = { note() {}, bytes() {}, done() {} }
