// The printable plan for the resident and the network, shown in the app and printed from there, or opened
// in a tab of its own. The document is the domain's (all user text escaped, no scripts): it is shown in a
// sandboxed frame that may not run scripts, and opened elsewhere through a Blob URL, so the page's CSP
// (no inline scripts) is never in the way.
import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle,
} from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../messages';
import { useRecordStyles } from './recordUi';

/** A Blob URL for the document while the view is open; revoked when it closes. */
function useBlobUrl(html: string): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    if (typeof URL.createObjectURL !== 'function') return undefined;
    const next = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
    setUrl(next);
    return () => URL.revokeObjectURL(next);
  }, [html]);
  return url;
}

export function PrintView({ html, onClose }: { html: string; onClose: () => void }) {
  const styles = useRecordStyles();
  const frame = useRef<HTMLIFrameElement>(null);
  const url = useBlobUrl(html);
  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => { if (!data.open) onClose(); }}>
      <DialogSurface className={styles.printSurface}>
        <DialogBody>
          <DialogTitle>{t('print.title')}</DialogTitle>
          <DialogContent className={styles.section}>
            <p className={styles.intro}>{t('print.intro')}</p>
            {/* allow-modals lets print() open the print dialog; nothing in it may run a script. */}
            <iframe ref={frame} className={styles.printFrame} title={t('print.frameTitle')} srcDoc={html} sandbox="allow-same-origin allow-modals" />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => frame.current?.contentWindow?.print()}>{t('print.print')}</Button>
            {url !== undefined && <Button as="a" href={url} target="_blank" rel="noopener noreferrer">{t('print.openTab')}</Button>}
            <Button onClick={onClose}>{t('print.close')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
