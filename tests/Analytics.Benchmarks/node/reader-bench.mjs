// DuckDB's official Node.js client reading the same query as our .NET reader, touching every value.
// Usage: node reader-bench.mjs <database file> <sql> <repetitions>   → prints one JSON line.
import { DuckDBInstance } from '@duckdb/node-api';

const [, , path, sql, repetitionsText] = process.argv;
const repetitions = Number(repetitionsText ?? 3);
const instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
const connection = await instance.connect();

function touch(columns, acc) {
  const [ids, values, labels] = columns;
  for (let i = 0; i < ids.length; i++) {
    acc.ids += ids[i];
    acc.values += values[i];
    acc.chars += labels[i].length;
  }
  acc.rows += ids.length;
}

async function readAll() {
  const acc = { rows: 0, ids: 0n, values: 0, chars: 0 };
  const reader = await connection.runAndReadAll(sql);
  touch(reader.getColumns(), acc);
  return acc;
}

async function readChunks() {
  const acc = { rows: 0, ids: 0n, values: 0, chars: 0 };
  const result = await connection.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    touch(chunk.getColumns(), acc);
  }
  return acc;
}

const output = {};
for (const [name, run] of [['runAndReadAll', readAll], ['fetchChunk', readChunks]]) {
  let best = Infinity;
  let last;
  for (let r = 0; r < repetitions; r++) {
    const start = process.hrtime.bigint();
    last = await run();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    best = Math.min(best, ms);
  }
  output[name] = { bestMs: best, rows: last.rows, chars: last.chars, idSum: last.ids.toString() };
}
connection.closeSync?.();
console.log(JSON.stringify(output));
