// require('smsedge') in Node.js: the ES module entry itself, through require(esm) (Node 20.19+,
// 22.12+), so CommonJS and ES module users share one copy of the code, one wasm instance and one
// `SmsEdgeError` class. The require() is made from here, inside node_modules, where Node 22.12
// does not print its ExperimentalWarning either.
'use strict';
module.exports = require('./index.node.js');
