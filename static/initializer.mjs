// Trunk initializer (index.html: data-initializer). The page already shows every fact,
// prerendered at build time; the WebAssembly app then takes it over. If the app cannot
// start (no WebAssembly in this browser, a failed download), the page stays as it is and
// shows its notice that search and filters need JavaScript and WebAssembly
// (static/style.css: .app-failed). Handling the failure here also keeps it from surfacing
// as an uncaught error.
export default function initializer() {
  return {
    onFailure(error) {
      console.warn('factdeck: the app could not start; the page stays static.', error);
      document.documentElement.classList.add('app-failed');
    },
  };
}
