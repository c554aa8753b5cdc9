// Opens the hand-out attached to the invitation: its bytes come from the event in my own calendar (Graph), then
// the browser saves or shows the file. Nothing is kept on the device.
import { Button, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { loadHandout } from '../../app/participant';
import type { Services } from '../../app/ports';
import { ErrorNotice } from '../ErrorNotice';
import { t } from '../messages';

function save(file: { name: string; contentType: string; bytesBase64: string }): void {
  const bytes = Uint8Array.from(atob(file.bytesBase64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser the moment it needs to start the download before the URL goes.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function HandoutButton({ services, eventId, name }: { services: Services; eventId: string; name: string }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'loading' } | { kind: 'failed'; error: unknown }>({ kind: 'idle' });
  const open = async () => {
    setState({ kind: 'loading' });
    try {
      save(await loadHandout(services, eventId));
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };
  return (
    <div>
      <Button onClick={() => void open()} disabledFocusable={state.kind === 'loading'} aria-label={t('calendar.handout.openNamed', { name })}>
        {t('calendar.handout.open')}
      </Button>
      <span aria-live="polite">{state.kind === 'loading' && <Spinner size="tiny" label={t('calendar.handout.loading')} />}</span>
      {state.kind === 'failed' && <ErrorNotice error={state.error} onRetry={() => void open()} />}
    </div>
  );
}
