/** Leaving the dashboard for a provider's consent page; an object so tests can stand in for the browser. */
export const browser = {
  leave: (url: string) => {
    window.location.assign(url);
  },
};
