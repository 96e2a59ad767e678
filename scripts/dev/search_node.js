/* Runs the site's search worker (docs/assets/javascripts/workers/zoeken-nl.js)
 * in Node against a built site, without a browser: for measuring ranking
 * quickly (scripts/dev/search_quality.py). The browser benchmark
 * (scripts/dev/search_benchmark.py) stays the reference; this runs the same code.
 *
 *   node scripts/dev/search_node.js SITE_DIR < queries (one per line)  -> JSON lines
 *
 * Material's page side is not there: what the worker answers is what the
 * search box would show (the browser benchmark checks that they agree).
 */
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const readline = require("readline");

const site = path.resolve(process.argv[2]);
// The site's own copy of the worker when it has one (an older build
// measures its own worker), else the one in docs/.
const own = path.join(site, "assets", "javascripts", "workers");
const workers = fs.existsSync(path.join(own, "zoeken-nl.js")) ? own
  : path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "workers");
const stub = JSON.parse(fs.readFileSync(path.join(site, "search", "search_index.json"), "utf8"));
let fetched = 0;
const listeners = [];
let answer = null;
const context = {
  console, URL, Map, Set, Promise, Math, JSON, Array, Object, String, Number, RegExp, Error,
  location: {href: "http://localhost/assets/javascripts/workers/zoeken-nl.js"},
  importScripts: (...names) => names.forEach((n) => vm.runInContext(fs.readFileSync(path.join(workers, n), "utf8"), context)),
  fetch: (href) => {
    const url = new URL(href);
    const file = path.join(site, decodeURIComponent(url.pathname));
    return new Promise((resolve) => {
      fs.readFile(file, (err, data) => {
        if (!err) fetched += data.length;
        resolve({ok: !err, status: err ? 404 : 200, text: async () => data.toString("utf8"),
                 json: async () => JSON.parse(data.toString("utf8"))});
      });
    });
  },
  addEventListener: (type, fn) => { if (type === "message") listeners.push(fn); },
  postMessage: (message) => { if (message.type === 3 && answer) { const a = answer; answer = null; a(message.data); } },
};
context.self = context;
vm.createContext(context);
vm.runInContext(fs.readFileSync(path.join(workers, "zoeken-nl.js"), "utf8"), context);
const send = (data) => listeners.forEach((fn) => fn({data}));
send({type: 0, data: {config: stub.config, docs: [], options: {suggest: false}}});

const lines = readline.createInterface({input: process.stdin});
const queue = [];
lines.on("line", (q) => queue.push(q));
lines.on("close", async () => {
  for (const q of queue) {
    const data = await new Promise((resolve) => { answer = resolve; send({type: 2, data: q}); });
    const pages = data.items.map((group) => group[0].location);
    process.stdout.write(JSON.stringify({query: q, pages, note: data.note || null}) + "\n");
  }
});
