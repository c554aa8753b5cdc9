import {
  Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger,
} from '@fluentui/react-components';
import { useState } from 'react';
import { t } from '../../messages';

interface Props {
  /** The button's name, e.g. "Punt 2 verwijderen". */
  label: string;
  title: string;
  text: string;
  confirmLabel: string;
  onConfirm(): void;
}

/** A button for something that cannot be undone: it asks first, in a dialog that keyboards can use. */
export function ConfirmButton({ label, title, text, confirmLabel, onConfirm }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={(_, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button>{label}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{text}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => { setOpen(false); onConfirm(); }}>{confirmLabel}</Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('plan.cancel')}</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
