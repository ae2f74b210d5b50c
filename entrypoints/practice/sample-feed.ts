/** A few posts written for the first run, before a scenario pack is chosen. */
export const SAMPLE_FEED = [
  { id: '1900000000000000001', authorName: 'Dana Whitfield', handle: 'dana_w', minutesAgo: 50, text: '@AcmeAir my flight AA212 was cancelled and I have been on hold for 2 hours. Nobody is helping. This is the third time this month!' },
  { id: '1900000000000000002', authorName: 'Priya N', handle: 'priyan', minutesAgo: 12, text: '@AcmeAir how do I add a checked bag to an existing booking? The app only shows seats.' },
  { id: '1900000000000000003', authorName: 'Marcus Lee', handle: 'marcuslee', minutesAgo: 95, text: 'Huge thanks to the crew on @AcmeAir 118 today, they looked after my mum the whole way. Brilliant service ✈️' },
  { id: '1900000000000000004', authorName: 'Tom Becker', handle: 'tbecker', minutesAgo: 30, text: '@AcmeAir still no refund after 6 weeks. If I do not hear back by Friday I am talking to my lawyer.' },
  { id: '1900000000000000005', authorName: 'Sofia', handle: 'sofia_travels', minutesAgo: 5, text: '@AcmeAir It would be great if the app let you pick meals in advance on short flights too.' },
];
