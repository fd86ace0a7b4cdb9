// Worker threads don't inherit tsx's module hooks on Node 20, so the worker starts here:
// tsx's in-thread CommonJS hooks (no extra loader thread per worker) compile the
// TypeScript worker module on require.
const { workerData } = require('node:worker_threads')
require('tsx/cjs/api').register()
require(workerData.workerModulePath)
