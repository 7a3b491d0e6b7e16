/** Messages of the shared errors (errors.ts) and the GraphQL and HTTP layers. */
export const common: Record<string, string> = {
  'You need to sign in first.': 'Najprej se prijavite.',
  'Your role does not allow this.': 'Vaša vloga tega ne dovoljuje.',
  'The API token was not found.': 'Žetona API ni mogoče najti.',
  'No failed delivery with this id: it was queued again already, or cleaned up.': 'Neuspele dostave s tem ID-jem ni: ponovno je bila že postavljena v vrsto ali pa je bila počiščena.',
  'No failed job with this id: it was queued again already, or cleaned up.': 'Neuspelega opravila s tem ID-jem ni: ponovno je bilo že postavljeno v vrsto ali pa je bilo počiščeno.',
  'The contract was not found.': 'Pogodbe ni mogoče najti.',
  'That export was not found.': 'Tega izvoza ni.',
  'The invitation was not found.': 'Povabila ni mogoče najti.',
  'The product was not found.': 'Izdelka ni mogoče najti.',
  'The install package was not found.': 'Namestitvenega paketa ni mogoče najti.',
  'The seat assignment was not found.': 'Dodeljene licence ni mogoče najti.',
  'No entry of the seat ledger has this id.': 'V dnevniku licenc ni vnosa s tem id-jem.',
  'The session was not found.': 'Seje ni mogoče najti.',
  'The subscription was not found.': 'Naročnine ni mogoče najti.',
  'The team was not found.': 'Ekipe ni mogoče najti.',
  'The user was not found.': 'Uporabnika ni mogoče najti.',
  'The document has more than {limit} tokens: send a smaller query.': 'Dokument ima več žetonov, kot je dovoljeno (največ {limit}): pošljite manjšo poizvedbo.',
  'Something went wrong on the server. It has been logged; please try again.': 'Na strežniku je prišlo do napake. Zabeležena je; poskusite znova.',
  'The request body is too large.': 'Telo zahteve je preveliko.',
  'The request body is not valid JSON.': 'Telo zahteve ni veljaven JSON.',
  'The request body is in a character set or encoding the server cannot read: send JSON in UTF-8.':
    'Telo zahteve je v naboru znakov ali kodiranju, ki ga strežnik ne zna prebrati: pošljite JSON v UTF-8.',
  'The request body could not be read.': 'Telesa zahteve ni bilo mogoče prebrati.',
  'The request could not be read: check its address.': 'Zahteve ni bilo mogoče prebrati: preverite njen naslov.',
  'Something went wrong on the server. It has been logged.': 'Na strežniku je prišlo do napake. Zabeležena je.',
  'The playground is turned off on this server (GRAPHQL_PLAYGROUND=1 turns it on).':
    'Preizkusni prostor (playground) je na tem strežniku izklopljen (vklopi ga GRAPHQL_PLAYGROUND=1).',
  'Seatwise API is running. The web app is not built: run `npm start` from the repository.':
    'Seatwise API deluje. Spletna aplikacija ni zgrajena: v repozitoriju zaženite `npm start`.',
  'The value given for {field} is not of the right type.': 'Vrednost polja {field} ni pravega tipa.',
  'A value in the request is not of the right type.': 'Ena od vrednosti v zahtevi ni pravega tipa.',
  '{field} must be a single line of text: line breaks, tabs and other control characters are not allowed.':
    'Polje {field} mora biti ena vrstica besedila: prelomi vrstic, tabulatorji in drugi kontrolni znaki niso dovoljeni.',
  '{field} contains a NUL byte or another control character that text cannot hold.':
    'Polje {field} vsebuje bajt NUL ali drug kontrolni znak, ki ga besedilo ne more vsebovati.',
};
