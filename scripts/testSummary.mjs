// Prints one closing line over the unit and end-to-end runs, from vitest's JSON reports:
// "Tests: N passed, N failed, N skipped". Exits non-zero if a report is missing or counted no test.
import { existsSync, readFileSync } from 'node:fs'

const reports = ['test/output/unit.json', 'test/output/e2e.json']
let passed = 0
let failed = 0
let skipped = 0
for (const path of reports) {
  if (!existsSync(path)) {
    console.error(`missing ${path}: did that test run finish?`)
    process.exit(1)
  }
  const report = JSON.parse(readFileSync(path, 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests
  skipped += report.numPendingTests + (report.numTodoTests ?? 0)
}
console.log(`Tests: ${passed} passed, ${failed} failed, ${skipped} skipped`)
process.exit(failed > 0 || passed === 0 ? 1 : 0)
