// The one entry point to @peculiar/x509: installs the Reflect shim first (import order matters)
// and points the library at Node's WebCrypto. Import `x509` from here, never from the package.
import './reflect-metadata.js';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
