/**
 * The timestamp authorities a person can choose (RFC 3161, free of charge, answering over HTTPS). The list is
 * fixed at build time: the manifest's optional host permissions and its content security policy's connect-src
 * are made from it (wxt.config.ts), so the extension can reach these hosts and no other. An authority typed in
 * by the person could not be reached without opening the policy to every web address, which would let any code
 * of ours talk to any server: adding one is a release (one line here).
 */
export interface TimestampAuthority {
  id: string;
  /** Who runs it, as a person would recognise it. */
  name: string;
  /** Where the TimeStampReq is POSTed. */
  url: string;
}

export const TIMESTAMP_AUTHORITIES: readonly TimestampAuthority[] = [
  { id: 'freetsa', name: 'FreeTSA (freetsa.org)', url: 'https://freetsa.org/tsr' },
  { id: 'digicert', name: 'DigiCert', url: 'https://timestamp.digicert.com' },
  { id: 'sectigo', name: 'Sectigo', url: 'https://timestamp.sectigo.com' },
  { id: 'globalsign', name: 'GlobalSign', url: 'https://timestamp.globalsign.com/tsa/r6advanced1' },
];

export const DEFAULT_AUTHORITY_ID = 'freetsa';

export function authorityById(id: string): TimestampAuthority | undefined {
  return TIMESTAMP_AUTHORITIES.find((authority) => authority.id === id);
}

/** The authority of a URL the list holds (the name shown for a stored token), else undefined. */
export function authorityByUrl(url: string): TimestampAuthority | undefined {
  return TIMESTAMP_AUTHORITIES.find((authority) => authority.url === url);
}

/** The origin, e.g. `https://freetsa.org`: what the content security policy's connect-src lists. */
export function authorityOrigin(url: string): string {
  return new URL(url).origin;
}

/**
 * The host permission to ask for: its scheme and host (match patterns carry no port, and a path is ignored for
 * host permissions), e.g. `https://freetsa.org/*`.
 */
export function authorityPermission(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.hostname}/*`;
}
