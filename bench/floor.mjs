#!/usr/bin/env node
// The floor for any remark-based tool: a bare unified pipeline (remark-parse, remark-frontmatter,
// remark-gfm, remark-rehype, rehype-stringify) over the same files, on the same number of
// worker threads, writing one HTML file per entry.
//
//   node bench/floor.mjs CONTENT_DIR OUT_DIR [JOBS]
import {mkdirSync, readdirSync, readFileSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {Worker, isMainThread, parentPort, workerData} from 'node:worker_threads'
import rehypeStringify from 'rehype-stringify'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import remarkRehype from 'remark-rehype'
import {unified} from 'unified'

if (isMainThread) {
  const [content, out, jobsArg] = process.argv.slice(2)
  const jobs = Number(jobsArg ?? os.availableParallelism())
  const files = readdirSync(content).filter((f) => f.endsWith('.md'))
  mkdirSync(out, {recursive: true})
  const chunks = Array.from({length: jobs}, (_, i) => files.filter((_, j) => j % jobs === i))
  await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(new URL(import.meta.url), {workerData: {content, out, files: chunk}})
          worker.on('message', resolve)
          worker.on('error', reject)
        })
    )
  )
} else {
  const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm).use(remarkRehype).use(rehypeStringify).freeze()
  for (const file of workerData.files) {
    const html = String(await processor.process(readFileSync(path.join(workerData.content, file), 'utf8')))
    writeFileSync(path.join(workerData.out, file.replace(/\.md$/, '.html')), html)
  }
  parentPort.postMessage('done')
}
