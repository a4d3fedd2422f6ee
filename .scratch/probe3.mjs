import cfg from '/tmp/spq/cfg3.js';
console.log(typeof cfg, Array.isArray(cfg), cfg && Object.keys(cfg).slice(0,5));
console.log(cfg.map((c) => ({ basePath: c.basePath, files: c.files, ignores: c.ignores, keys: Object.keys(c) })));
