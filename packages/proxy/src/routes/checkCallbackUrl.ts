const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

function isLocalHostname(hostname: string): boolean {
  return LOCAL_HOSTS.has(hostname) || hostname.endsWith('.localhost');
}

/**
 * Checks a browser-supplied `callback_url`: its origin must equal one of the allowed origins
 * exactly (no suffix or subdomain games: `https://app.example.com.evil.io`), it carries no
 * credentials (`https://app.example.com@evil.io` parses to host evil.io, and we refuse userinfo
 * anyway), no backslashes or control characters (browsers read `\` as `/`), and it is https
 * except on localhost, unless its scheme is one of `appSchemes` (an app's own, for web views). Returns the problems, none when the URL is acceptable; at most one, since
 * each rule is checked only once the ones before it hold.
 */
export function checkCallbackUrl(
  value: unknown,
  allowedOrigins: readonly string[],
  appSchemes: readonly string[] = [],
): string[] {
  const problem = firstCallbackUrlProblem(value, allowedOrigins, appSchemes);
  return problem === undefined ? [] : [problem];
}

function firstCallbackUrlProblem(
  value: unknown,
  allowedOrigins: readonly string[],
  appSchemes: readonly string[],
): string | undefined {
  if (typeof value !== 'string' || value.length === 0) return 'callback_url must be a non-empty string';
  if (value.length > 2048) return 'callback_url is longer than 2048 characters';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\\\u0000-\u0020\u007f]/.test(value))
    return 'callback_url contains a backslash, space or control character';
  let url: URL;
  try {
    // No base URL: relative and scheme-relative (`//evil.io`) URLs fail here.
    url = new URL(value);
  } catch {
    return 'callback_url must be an absolute URL';
  }
  if (url.username !== '' || url.password !== '') return 'callback_url must not contain credentials';
  // An app's own scheme (`myapp://verified`) has no web origin; the app registered it, so any URL
  // of it goes back to that app.
  if (appSchemes.includes(url.protocol.slice(0, -1))) return undefined;
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLocalHostname(url.hostname))) {
    return 'callback_url must use https (http is allowed on localhost only)';
  }
  if (!allowedOrigins.includes(url.origin)) {
    return `callback_url origin ${url.origin} is not in allowedCallbackOrigins`;
  }
  return undefined;
}
