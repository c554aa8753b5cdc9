// IndexedDB for the demo tenant and the outbox when tests run outside a browser.
import 'fake-indexeddb/auto';
