// The one entry point to @peculiar/x509: its tsyringe dependency needs the Reflect metadata API
// loaded first (import order matters), and the library is pointed at Node's WebCrypto.
// Import `x509` from here, never from the package.
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
