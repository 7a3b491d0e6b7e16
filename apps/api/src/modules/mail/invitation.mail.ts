import { defineMail } from './mail-template.js';

export interface InvitationMailData {
  firstName: string;
  inviterName: string;
  accountName: string;
  link: string;
  /** ISO date the link stops working. */
  expiresOn: string;
}

/** F-41: the invitation to join an account; the link sets a password or signs in. */
export const invitationMail = defineMail<InvitationMailData>({
  EN: (d) => ({
    subject: `${d.inviterName} invited you to ${d.accountName} on Seatwise`,
    text: `Hello ${d.firstName},\n\n${d.inviterName} invited you to join ${d.accountName} on Seatwise, where your software and licences are managed.\n\nAccept the invitation: ${d.link}\n\nThe link works until ${d.expiresOn}. If you did not expect this message, you can ignore it.`,
  }),
  SL: (d) => ({
    subject: `${d.inviterName} vas vabi v ${d.accountName} na Seatwise`,
    text: `Pozdravljeni, ${d.firstName},\n\n${d.inviterName} vas vabi, da se pridružite računu ${d.accountName} na Seatwise, kjer se upravljajo vaša programska oprema in licence.\n\nSprejmite povabilo: ${d.link}\n\nPovezava deluje do ${d.expiresOn}. Če tega sporočila niste pričakovali, ga lahko prezrete.`,
  }),
});
