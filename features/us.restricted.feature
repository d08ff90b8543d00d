Feature: us.restricted - laser pointers, vapes in the mail, hemp and CBD from November 2026, drones
  Goods the US restricts: laser pointers above the 5 mW Class IIIa limit (21 CFR 1040.10/.11);
  electronic nicotine delivery systems, which USPS may not carry and which may never travel in
  international mail (PACT Act, 86 FR 58398); hemp and CBD products under the new federal hemp
  definition from 12 November 2026 (at most 0.4 mg total THC per container, no synthetic
  cannabinoids); drones of 250 g or more, which must be registered with the FAA and broadcast
  Remote ID (14 CFR 48 and 89). PACT Act registration, the age check and the adult signature, THC
  lab values and a drone's weight as a field are not in the documents; a drone's weight is read
  from its title or description.

  # US.LASER.POINTER_OVER_5MW: Laser pointer above 5 mW offered in the US
  @US.LASER.POINTER_OVER_5MW
  Scenario: Laser pointer above 5 mW offered in the US
    Given a listing for market "US" titled "Green laser pointer, 50 mW" with:
      """
      brand: Acme
      attributes: {laser_mw: 50}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                      |
      | US.LASER.POINTER_OVER_5MW | review   | US     | attributes.laser_mw, title |

  @US.LASER.POINTER_OVER_5MW
  Scenario: Laser pointer above 5 mW offered in the US (2)
    Given a listing for market "US" titled "Astronomy laser, 5.5 mW" with:
      """
      brand: Acme
      attributes: {laser_mw: 5.5}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field                      |
      | US.LASER.POINTER_OVER_5MW | review   | US     | attributes.laser_mw, title |

  @US.LASER.POINTER_OVER_5MW
  Scenario: Not flagged - Near miss - exactly 5 mW
    Given a listing for market "US" titled "Green laser pointer, 5 mW" with:
      """
      brand: Acme
      attributes: {laser_mw: 5}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.LASER.POINTER_OVER_5MW
  Scenario: Not flagged - Not a pointer (a laser level)
    Given a listing for market "US" titled "Cross-line laser level" with:
      """
      brand: Acme
      attributes: {laser_mw: 10}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.ENDS.LISTING: Vape product listed for the US - not mailable, PACT Act duties
  @US.ENDS.LISTING
  Scenario: Vape product listed for the US - not mailable, PACT Act duties
    Given a listing for market "US" titled "Disposable vape, 5000 puffs, mango" with:
      """
      brand: Acme
      attributes: {disposable_vape: true}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule            | severity | market | field                             |
      | US.ENDS.LISTING | warn     | US     | attributes.disposable_vape, title |

  @US.ENDS.LISTING
  Scenario: Vape product listed for the US - not mailable, PACT Act duties (2)
    Given a listing for market "US" titled "Nicotine-free e-liquid, 10 ml" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule            | severity | market | field |
      | US.ENDS.LISTING | warn     | US     | title |

  @US.ENDS.LISTING
  Scenario: Not flagged - the same listing without what the rule looks for (US.ENDS.LISTING)
    Given a listing for market "US" titled "Green laser pointer, 5 mW" with:
      """
      brand: Acme
      attributes: {laser_mw: 5}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.ENDS.LISTING
  Scenario: Not flagged - Before the mail rule
    Given a listing for market "US" titled "Vape pen kit" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2021-10-20"
    Then there are no findings

  # US.ENDS.MAIL_SHIPMENT: E-cigarettes or vape products sent to the US by post
  @US.ENDS.MAIL_SHIPMENT
  Scenario: E-cigarettes or vape products sent to the US by post
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: post
      carrier: China Post
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, city: Shenzhen, country: CN}
      items:
      - description: Disposable vape, 5000 puffs
        hs_code: '8543400000'
        quantity: 10
        value: {amount: 50, currency: USD}
        origin_country: CN
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field                      |
      | US.ENDS.MAIL_SHIPMENT | block    | US     | items[0].description, mode |

  @US.ENDS.MAIL_SHIPMENT
  Scenario: E-cigarettes or vape products sent to the US by post (2)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: post
      carrier: China Post
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, city: Shenzhen, country: CN}
      items:
      - description: E-liquid refill bottles, nicotine free
        hs_code: '3824999000'
        quantity: 5
        value: {amount: 20, currency: USD}
        origin_country: CN
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                  | severity | market | field                      |
      | US.ENDS.MAIL_SHIPMENT | block    | US     | items[0].description, mode |

  @US.ENDS.MAIL_SHIPMENT
  Scenario: Not flagged - the same shipment without what the rule looks for (US.ENDS.MAIL_SHIPMENT)
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      mode: post
      carrier: China Post
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, city: Shenzhen, country: CN}
      items:
      - description: Silicone phone case
        hs_code: '3926909985'
        quantity: 1
        value: {amount: 8, currency: USD}
        origin_country: CN
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  @US.ENDS.MAIL_SHIPMENT
  Scenario: Not flagged - Near miss - vapes by express courier
    Given a shipment from "CN" to "US" with:
      """
      date: '2026-11-25'
      carrier: DHL
      consignee: {city: Springfield}
      exporter: {name: Shenzhen Acme Co Ltd, city: Shenzhen, country: CN}
      items:
      - description: Disposable vape, 5000 puffs
        hs_code: '8543400000'
        quantity: 10
        value: {amount: 50, currency: USD}
        origin_country: CN
      incoterm: null
      invoice: null
      packing_list: null
      """
    When it is screened
    Then there are no findings

  # US.HEMP_2026.INTOXICATING: Converted, synthetic or THC-rich hemp product offered in the US from 12 November 2026
  @US.HEMP_2026.INTOXICATING
  Scenario: Converted, synthetic or THC-rich hemp product offered in the US from 12 November 2026
    Given a listing for market "US" titled "Delta-8 gummies, 25 mg" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field |
      | US.HEMP_2026.INTOXICATING | review   | US     | title |

  @US.HEMP_2026.INTOXICATING
  Scenario: Converted, synthetic or THC-rich hemp product offered in the US from 12 November 2026 (2)
    Given a listing for market "US" titled "THCA flower, 3.5 g" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                      | severity | market | field |
      | US.HEMP_2026.INTOXICATING | review   | US     | title |

  @US.HEMP_2026.INTOXICATING
  Scenario: Not flagged - The day before the new definition
    Given a listing for market "US" titled "Delta-8 gummies, 25 mg" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2026-11-11"
    Then there are no findings

  @US.HEMP_2026.INTOXICATING
  Scenario: Not flagged - Near miss - plain hemp rope
    Given a listing for market "US" titled "Natural hemp rope, 10 m" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  # US.HEMP_2026.CBD_THC_PER_CONTAINER: CBD or hemp-extract product needs proof of at most 0.4 mg total THC per container
  @US.HEMP_2026.CBD_THC_PER_CONTAINER
  Scenario: CBD or hemp-extract product needs proof of at most 0.4 mg total THC per container
    Given a listing for market "US" titled "Full spectrum CBD oil, 1000 mg" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field              |
      | US.HEMP_2026.CBD_THC_PER_CONTAINER | review   | US     | title, description |

  @US.HEMP_2026.CBD_THC_PER_CONTAINER
  Scenario: CBD or hemp-extract product needs proof of at most 0.4 mg total THC per container (2)
    Given a listing for market "US" titled "Hemp extract gummies" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                               | severity | market | field              |
      | US.HEMP_2026.CBD_THC_PER_CONTAINER | review   | US     | title, description |

  @US.HEMP_2026.CBD_THC_PER_CONTAINER
  Scenario: Not flagged - Near miss - hemp seed hearts are food, not an extract
    Given a listing for market "US" titled "Hulled hemp seed hearts, 500 g" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.HEMP_2026.CBD_THC_PER_CONTAINER
  Scenario: Not flagged - Before the new definition
    Given a listing for market "US" titled "Full spectrum CBD oil, 1000 mg" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened as of "2026-11-11"
    Then there are no findings

  # US.FAA.DRONE.REMOTE_ID: Drone of 250 g or more offered without Remote ID or the FAA registration notice
  @US.FAA.DRONE.REMOTE_ID
  Scenario: Drone of 250 g or more offered without Remote ID or the FAA registration notice
    Given a listing for market "US" titled "Camera drone, 4K, 570 g" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field |
      | US.FAA.DRONE.REMOTE_ID | warn     | US     | title |

  @US.FAA.DRONE.REMOTE_ID
  Scenario: Drone of 250 g or more offered without Remote ID or the FAA registration notice (2)
    Given a listing for market "US" titled "FPV drone kit" with:
      """
      brand: Acme
      attributes: {}
      description: Take-off weight 1.2 kg.
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then the findings are exactly:
      | rule                   | severity | market | field              |
      | US.FAA.DRONE.REMOTE_ID | warn     | US     | description, title |

  @US.FAA.DRONE.REMOTE_ID
  Scenario: Not flagged - Near miss - 249 g
    Given a listing for market "US" titled "Mini camera drone, 249 g" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings

  @US.FAA.DRONE.REMOTE_ID
  Scenario: Not flagged - Remote ID stated
    Given a listing for market "US" titled "Camera drone, 4K, 570 g, standard Remote ID" with:
      """
      brand: Acme
      attributes: {}
      model: null
      images: null
      manufacturer: null
      """
    When it is screened
    Then there are no findings
