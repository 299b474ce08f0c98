// require('smsedge/webhooks') in Node.js: the ES module entry itself, through require(esm)
// (see index.cjs).
'use strict';
module.exports = require('./webhooks.node.js');
