/** What a screen says to someone whose role does not reach it, instead of an empty page or a raw 403. */
export function NoAccess({ title, needs }: { title: string; needs: string }) {
  return (
    <section aria-labelledby="no-access-title">
      <h1 id="no-access-title">{title}</h1>
      <div class="panel" role="status">
        <p>
          <strong>No access.</strong> Your role cannot open this page: it needs {needs}. Ask an owner of the
          organization if you need it.
        </p>
        <p>
          <a class="back" href="/dashboard/settings">
            Back to settings
          </a>
        </p>
      </div>
    </section>
  );
}
