import cfg from '/tmp/spq/cfg3.js';
console.log(cfg.map((c: any) => ({ basePath: c.basePath, files: c.files, ignores: c.ignores, keys: Object.keys(c) })));
