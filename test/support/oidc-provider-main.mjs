// A real OpenID Connect provider (the oidc-provider package) for the single sign-on tests, run as
// a child process because the package is ES modules only. It prints its issuer URL on stdout.
// Accounts: the login name typed on its form is the account; ACCOUNTS (JSON) gives their claims.
// Its development forms accept any password.
import { createServer } from 'node:http';
import Provider from 'oidc-provider';

const { CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, ACCOUNTS } = process.env;
const accounts = JSON.parse(ACCOUNTS ?? '{}');

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://localhost:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
      redirect_uris: [REDIRECT_URI],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roles: ['roles'] },
  pkce: { required: () => true },
  cookies: { keys: ['oidc-provider-test-cookie-key'] },
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (account === undefined) return undefined;
    return { accountId: id, claims: () => ({ sub: id, ...account }) };
  },
});
// The development forms print a warning on every start; it says nothing the tests need.
provider.on('server_error', (_ctx, error) => console.error(error));
server.on('request', provider.callback());
process.stdout.write(`${issuer}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
