const { Testing } = require('cdktf');
const { quietCdktfOnNode22 } = require('./src/cdktf-on-node22');

quietCdktfOnNode22();

Testing.setupJest();
