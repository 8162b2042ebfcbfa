/** A minimal GraphQL-over-HTTP caller for the simulator's own tests (Node's fetch, real loopback HTTP). */
export interface GqlResponse {
  status: number;
  headers: Headers;
  // The tests assert structure with toMatchObject; the body is whatever the simulator sent.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests assert the JSON's shape with expect()
  body: any;
}

export async function gql(
  target: { url: string; accessToken: string },
  query: string,
  variables: Record<string, unknown> = {},
  options: { version?: string; token?: string } = {},
): Promise<GqlResponse> {
  const response = await fetch(`${target.url}/admin/api/${options.version ?? '2026-10'}/graphql.json`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-shopify-access-token': options.token ?? target.accessToken },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as unknown) : undefined };
}
