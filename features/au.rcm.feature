Feature: au.rcm - Australia and New Zealand - RCM (Regulatory Compliance Mark) on electrical and radio equipment
  In Australia and New Zealand in-scope electrical equipment (EESS Levels 1-3) carries the RCM
  (AS/NZS 4417), applied by a responsible supplier registered on the EESS database; Level 2 and 3
  equipment is also registered, Level 3 with a certificate of conformity; products under the ACMA
  labelling notices (EMC, radio, telecommunications) need the RCM and an ACMA supplier registration.
  Since 1 March 2016 the RCM is the only mark (C-Tick and A-Tick ended). A listing shows the mark as
  a certifications entry of type RCM; whether the supplier and the equipment are registered needs
  the EESS database (catalogue reason), so a missing claim is a review.

  @AU.RCM.MISSING
  Scenario: Mains electrical or radio product offered for Australia or New Zealand: Bluetooth speaker with only CE
    Given a listing for market "AU" titled "Portable Bluetooth Speaker 10 W" with:
      """
      attributes:
        radio: true
        wireless: [bluetooth]
        electrical: true
      certifications:
      - {type: CE}
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule           | severity | market | field                                 |
      | AU.RCM.MISSING | review   | AU     | attributes.radio, attributes.wireless |

  @AU.RCM.MISSING
  Scenario: Mains electrical or radio product offered for Australia or New Zealand: mains kettle for New Zealand with no marks
    Given a listing for market "NZ" titled "Electric kettle 1.7 l" with:
      """
      attributes:
        radio: false
        wireless: []
        electrical: true
      """
    When it is screened as of "2026-11-25"
    Then the findings are exactly:
      | rule           | severity | market | field                        |
      | AU.RCM.MISSING | review   | NZ     | attributes.electrical, title |

  @AU.RCM.MISSING
  Scenario: near miss - a battery laser pointer is neither mains nor radio equipment (no finding of AU.RCM.MISSING)
    Given a listing for market "AU" titled "Green laser pointer 0.9 mW" with:
      """
      attributes:
        radio: false
        wireless: []
        electrical: true
      """
    When it is screened as of "2026-11-25"
    Then there are no findings

  @AU.RCM.MISSING
  Scenario: near miss - the day before the RCM became the only mark (no finding of AU.RCM.MISSING)
    Given a listing for market "AU" titled "Portable Bluetooth Speaker 10 W" with:
      """
      attributes:
        radio: true
        wireless: [bluetooth]
        electrical: true
      """
    When it is screened as of "2016-02-29"
    Then there are no findings
