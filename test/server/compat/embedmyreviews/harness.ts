import { setup } from '../../helpers';

export type EmrRequest = {
  key?: string | null;
  json?: unknown;
  form?: Record<string, string>;
  multipart?: Record<string, string | Blob>;
  /** A raw JSON body, sent as is (malformed on purpose). */
  raw?: string;
  headers?: Record<string, string>;
};

/** `setup()` plus `emr()`, which calls `/compat/embedmyreviews…` as the product's clients do (Bearer token). */
export function emrSetup(...args: Parameters<typeof setup>) {
  return withEmr(setup(...args));
}

/** Adds `emr()` and `business()` to any `setup()` result (the delivery tests' one included). */
export function withEmr<T extends ReturnType<typeof setup>>(t: T) {
  async function emr(method: string, path: string, request: EmrRequest = {}) {
    const headers: Record<string, string> = { accept: 'application/json', ...request.headers };
    const key = request.key === undefined ? t.orgKey : request.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: BodyInit | undefined;
    if (request.json !== undefined) {
      body = JSON.stringify(request.json);
      headers['content-type'] = 'application/json';
    } else if (request.form) {
      body = new URLSearchParams(request.form).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else if (request.raw !== undefined) {
      body = request.raw;
      headers['content-type'] = 'application/json';
    } else if (request.multipart) {
      const form = new FormData();
      for (const [name, value] of Object.entries(request.multipart)) form.append(name, value);
      body = form;
    }
    const res = await t.app.request(`/compat/embedmyreviews${path}`, { method, headers, body });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, headers: res.headers, json, text };
  }
  /** A Plaudit business created through the native API, and its integer as the product shows it. */
  async function business(name = 'Acme Dental Clinic') {
    const created = await t.createBusiness({ name });
    const list = await emr('GET', '/api/v1/organizations');
    const n = list.json.data.find((o: { name: string }) => o.name === name).id as number;
    return { ...created, n };
  }
  return { ...t, emr, business };
}
