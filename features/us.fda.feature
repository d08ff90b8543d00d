Feature: us.fda - FDA claims and labelling for cosmetics and dietary supplements
  A cosmetic or dietary supplement that claims to cure, treat, prevent, heal, diagnose or mitigate
  a disease is marketed as a drug (21 USC 321(g)(1)); a supplement's structure/function claim
  needs the FDA disclaimer (21 USC 343(r)(6), 21 CFR 101.93); under MoCRA a cosmetic's label must
  give a US address, US phone number or electronic contact for adverse-event reports. Facility
  registration, product listing, the MoCRA small-business exemption and the 30-day notification of
  structure/function claims are seller and FDA-register facts the documents do not carry.

  # US.FDA.DISEASE_CLAIM: Cosmetic or supplement listing makes a disease (drug) claim
  @US.FDA.DISEASE_CLAIM
  Scenario: Cosmetic treats eczema
    Given a listing for market "US" titled "Lavender hand cream, 100 ml" with:
      """
      description: Soothing cream that treats eczema and dry skin.
      brand: Acme
      attributes: {cosmetic: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                 | severity | market | field                            |
      | US.FDA.DISEASE_CLAIM | review   | US     | attributes.cosmetic, description |

  @US.FDA.DISEASE_CLAIM
  Scenario: Supplement claims to prevent the flu
    Given a listing for market "US" titled "Vitamin C gummies - prevents flu" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {supplement: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                 | severity | market | field                        |
      | US.FDA.DISEASE_CLAIM | review   | US     | attributes.supplement, title |

  @US.FDA.DISEASE_CLAIM
  Scenario: Not flagged - the same listing without what the rule looks for (US.FDA.DISEASE_CLAIM)
    Given a listing for market "US" titled "Lavender hand cream, 100 ml" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {cosmetic: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then there are no findings

  @US.FDA.DISEASE_CLAIM
  Scenario: Not flagged - Near miss - healthy is not heal
    Given a listing for market "US" titled "Lavender hand cream, 100 ml" with:
      """
      description: Gives hands a healthy glow.
      brand: Acme
      attributes: {cosmetic: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then there are no findings

  # US.FDA.SF_DISCLAIMER.MISSING: Supplement listing with a structure/function claim but without the FDA disclaimer
  @US.FDA.SF_DISCLAIMER.MISSING
  Scenario: Supplement listing with a structure/function claim but without the FDA disclaimer
    Given a listing for market "US" titled "Zinc tablets" with:
      """
      description: Supports immune health.
      brand: Acme
      attributes: {supplement: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                              |
      | US.FDA.SF_DISCLAIMER.MISSING | warn     | US     | attributes.supplement, description |

  @US.FDA.SF_DISCLAIMER.MISSING
  Scenario: Supplement listing with a structure/function claim but without the FDA disclaimer (2)
    Given a listing for market "US" titled "Omega-3 softgels" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {supplement: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      bullet_points: [Promotes heart health]
      model: null
      images: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                         | severity | market | field                                   |
      | US.FDA.SF_DISCLAIMER.MISSING | warn     | US     | attributes.supplement, bullet_points[0] |

  @US.FDA.SF_DISCLAIMER.MISSING
  Scenario: Not flagged - Disclaimer shown
    Given a listing for market "US" titled "Zinc tablets" with:
      """
      description: Supports immune health.* *This statement has not been evaluated by the Food and Drug Administration.
        This product is not intended to diagnose, treat, cure, or prevent any disease.
      brand: Acme
      attributes: {supplement: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then there are no findings

  @US.FDA.SF_DISCLAIMER.MISSING
  Scenario: Not flagged - Near miss - no claim, only the contents
    Given a listing for market "US" titled "Zinc tablets, 15 mg, 90 count" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {supplement: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then there are no findings

  # US.FDA.MOCRA.ADVERSE_EVENT_CONTACT: Cosmetic listing without a US contact for adverse-event reports
  @US.FDA.MOCRA.ADVERSE_EVENT_CONTACT
  Scenario: Foreign manufacturer with postal address only
    Given a listing for market "US" titled "Lavender hand cream, 100 ml" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {cosmetic: true}
      manufacturer: {name: Acme Cosmetics Co Ltd, address: 8 Keji Rd, city: Shenzhen, country: CN, email: null}
      model: null
      images: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field                                                                                                                                                   |
      | US.FDA.MOCRA.ADVERSE_EVENT_CONTACT | warn     | US     | attributes.cosmetic, manufacturer.country, manufacturer.email, manufacturer.url, seller.address, seller.country, seller.email, seller.phone, seller.url |

  @US.FDA.MOCRA.ADVERSE_EVENT_CONTACT
  Scenario: No contact at all
    Given a listing for market "US" titled "Lavender hand cream, 100 ml" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {cosmetic: true}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field                                                                                                                                                                                             |
      | US.FDA.MOCRA.ADVERSE_EVENT_CONTACT | warn     | US     | attributes.cosmetic, manufacturer.address, manufacturer.country, manufacturer.email, manufacturer.phone, manufacturer.url, seller.address, seller.country, seller.email, seller.phone, seller.url |

  @US.FDA.MOCRA.ADVERSE_EVENT_CONTACT
  Scenario: Not flagged - the same listing without what the rule looks for (US.FDA.MOCRA.ADVERSE_EVENT_CONTACT)
    Given a listing for market "US" titled "Lavender hand cream, 100 ml" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {cosmetic: true}
      manufacturer: {name: Acme Cosmetics Inc, address: 100 Main St, city: Austin, postal_code: '78701', country: US,
        phone: +1 512 555 0100, email: null}
      model: null
      images: null
      """
    When it is screened
    Then there are no findings

  @US.FDA.MOCRA.ADVERSE_EVENT_CONTACT
  Scenario: Not flagged - The day before the label contact was required
    Given a listing for market "US" titled "Lavender hand cream, 100 ml" with:
      """
      description: Rich hand cream with shea butter and lavender oil.
      brand: Acme
      attributes: {cosmetic: true}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2024-12-28"
    Then there are no findings
