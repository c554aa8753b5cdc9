// The Outlook add-in on a received SO meeting: the same "Waarom ben ik uitgenodigd?" as the personal tab, read
// from the open item (Office.js); answering and forwarding go through Graph on the event in my calendar.
import { useCallback } from 'react';
import { openAppointmentInvitation } from '../../app/participant';
import type { Services } from '../../app/ports';
import { InvitationDetail } from '../participant/InvitationDetail';

export function AddinAttendeeScreen({ services }: { services: Services }) {
  const load = useCallback(() => openAppointmentInvitation(services), [services]);
  return <InvitationDetail services={services} load={load} />;
}
