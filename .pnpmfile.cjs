// openapi-typescript drives the TypeScript 5 compiler API, which TypeScript 7 (the workspace's
// compiler) no longer ships: it gets a TypeScript 5 of its own instead of the workspace's as a peer.
module.exports = {
  hooks: {
    readPackage(pkg) {
      if (pkg.name === 'openapi-typescript') {
        delete pkg.peerDependencies?.typescript;
        pkg.dependencies = { ...pkg.dependencies, typescript: '5.9.3' };
      }
      return pkg;
    },
  },
};
