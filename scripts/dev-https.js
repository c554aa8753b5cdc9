// `npm start` serves https://localhost:3000 with a development certificate, as Microsoft's Office and
// Teams templates do, so the development app package (manifest HOST localhost:3000) sideloads in Teams
// and Outlook. The certificate comes from office-addin-dev-certs (~/.office-addin-dev-certs, a local CA
// plus a localhost certificate). Starting never asks for a password and never touches the system's
// trust store: trusting the CA is one explicit step (`npm run certs:install`). When the CA is not
// trusted yet, or the certificate cannot be made at all, the server still starts and says so plainly.
// `npm run start:http` (or DEV_HTTP=1) serves plain http, e.g. for a machine with no use for https.
const fs = require('node:fs');
const { X509Certificate } = require('node:crypto');

const DAYS = 30;
const DOMAINS = ['127.0.0.1', 'localhost'];

function defaults() {
  return require('office-addin-dev-certs/lib/defaults');
}

/** The localhost certificate is usable when it exists and is valid for at least another day. */
function usableCertificate(paths, now = Date.now()) {
  try {
    const cert = new X509Certificate(fs.readFileSync(paths.localhostCertificatePath));
    fs.accessSync(paths.localhostKeyPath, fs.constants.R_OK);
    fs.accessSync(paths.caCertificatePath, fs.constants.R_OK);
    return Date.parse(cert.validTo) - now > 24 * 3600 * 1000;
  } catch {
    return false;
  }
}

/** Whether the operating system trusts our CA; a check that cannot run counts as "not trusted". */
function caTrusted(verify) {
  try {
    return verify();
  } catch {
    return false;
  }
}

/**
 * The devServer `server` option: https with the development certificate, or http when asked for or
 * when no certificate can be made. `messages` collects what the developer must read.
 */
async function devServerOption({
  env = process.env,
  paths = defaults(),
  generate = (p) => require('office-addin-dev-certs').generateCertificates(p.caCertificatePath, p.localhostCertificatePath, p.localhostKeyPath, DAYS, DOMAINS),
  verify = () => require('office-addin-dev-certs').isCaCertificateInstalled(),
} = {}) {
  const messages = [];
  if (env.DEV_HTTP === '1') {
    messages.push('Serving plain http (DEV_HTTP=1). Teams and Outlook load only https pages; use `npm start` to sideload.');
    return { server: 'http', messages };
  }
  try {
    if (!usableCertificate(paths)) {
      fs.mkdirSync(require('node:path').dirname(paths.caCertificatePath), { recursive: true });
      await generate(paths);
      messages.push(`Made a development certificate for localhost in ${require('node:path').dirname(paths.caCertificatePath)} (valid ${DAYS} days).`);
    }
    const server = {
      type: 'https',
      options: {
        ca: fs.readFileSync(paths.caCertificatePath),
        cert: fs.readFileSync(paths.localhostCertificatePath),
        key: fs.readFileSync(paths.localhostKeyPath),
      },
    };
    if (!caTrusted(verify)) {
      messages.push(
        'This machine does not trust the development certificate yet, so browsers, Teams and Outlook will refuse ' +
        'https://localhost:3000 until you run, once: npm run certs:install (it asks for your password to add the ' +
        'development CA to the system\'s trust store; undo with npm run certs:uninstall). The demo in this browser ' +
        'works meanwhile if you accept the warning, or use npm run start:http.',
      );
    }
    return { server, messages };
  } catch (error) {
    messages.push(`Could not make a development certificate (${error instanceof Error ? error.message : String(error)}); serving plain http instead. Teams and Outlook need https: see README, "Local development".`);
    return { server: 'http', messages };
  }
}

module.exports = { devServerOption, usableCertificate };
