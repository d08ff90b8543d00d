Feature: eu.gdpr-listings - a private person's contact details do not belong in a listing
  A private e-mail address, a telephone number or an invitation to contact a person directly,
  published in a listing, is personal data disclosed without need (GDPR Art. 5(1)(c)). A
  business's own e-mail domain is not flagged: the GPSR wants the manufacturer's electronic
  address in the offer.

  @EU.GDPR.LISTING_PRIVATE_EMAIL
  Scenario Outline: A private mailbox in the description
    Given a listing for market "DE" titled "Keramiktasse 350 ml" with:
      """
      description: "<description>"
      """
    When it is screened
    Then the findings are exactly:
      | rule                          | severity | market | field       |
      | EU.GDPR.LISTING_PRIVATE_EMAIL | review   | DE     | description |
    And rule "EU.GDPR.LISTING_PRIVATE_EMAIL" reports the text "<matched>" in field "description"

    Examples:
      | description                                 | matched                  |
      | Fragen an anna.schmidt87@gmail.com          | anna.schmidt87@gmail.com |
      | Fragen an anna (at) web (dot) de            | anna (at) web (dot) de   |

  @EU.GDPR.LISTING_PRIVATE_EMAIL
  Scenario: The manufacturer's business address is not a private mailbox
    Given a listing for market "DE" titled "Keramiktasse 350 ml" with:
      """
      description: "Hersteller: Acme GmbH, Hauptstr. 1, 10115 Berlin, safety@acme.example"
      """
    When it is screened
    Then there are no findings

  @EU.GDPR.LISTING_PHONE_NUMBER
  Scenario Outline: A telephone number in the description
    Given a listing for market "FR" titled "Tasse en céramique" with:
      """
      description: "<description>"
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field       |
      | EU.GDPR.LISTING_PHONE_NUMBER | review   | FR     | description |
    And rule "EU.GDPR.LISTING_PHONE_NUMBER" reports the text "<matched>" in field "description"

    Examples:
      | description                          | matched          |
      | Retrait possible, +33 6 12 34 56 78  | +33 6 12 34 56 78 |
      | Questions? Tel. 06 12 34 56 78       | Tel. 06 12 34 56 78 |

  @EU.GDPR.LISTING_PHONE_NUMBER
  Scenario: A GTIN and a sales figure are not telephone numbers
    Given a listing for market "FR" titled "Tasse en céramique, +2 000 000 vendues" with:
      """
      description: "EAN 0012345678905, 350 ml"
      """
    When it is screened
    Then there are no findings

  @EU.GDPR.LISTING_CONTACT_INVITATION
  Scenario: An invitation to contact a person directly in a bullet point
    Given a listing for market "DE" titled "Keramiktasse 350 ml" with:
      """
      bullet_points: ["350 ml", "Bei Fragen ruf mich an"]
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field            |
      | EU.GDPR.LISTING_CONTACT_INVITATION | review   | DE     | bullet_points[1] |

  @EU.GDPR.LISTING_CONTACT_INVITATION
  Scenario: The listing is outside the EU
    Given a listing for market "US" titled "Ceramic mug, call me for a discount"
    When it is screened
    Then there are no findings
